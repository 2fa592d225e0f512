"""How input may be typed: the examples the messages show, and the longest number read.

These are not policy figures (a test keeps every policy figure out of the package); this module holds data
only, like the worked examples, and a test checks it is a single literal.
"""

INPUT_FORMS = {
    "whole_number": "1,200",
    "small_whole_number": "200",
    "money": "80,000.00",
    "percent": "5.5",
    "date": "2021-01-01",
    "date_chinese": "2021年1月1日",
    "month": "2021-03",
    "month_chinese": "2021年3月",
    "longest_number_digits": 30,
}
