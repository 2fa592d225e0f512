"""How a message to an official is worded: English, then Chinese."""


# One message in English, then in Chinese on an indented second line.
def said(english: str, chinese: str) -> str:
    return f"{english}\n    {chinese}"
