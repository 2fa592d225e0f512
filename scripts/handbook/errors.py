"""Data errors that name the file, line, column and field an official must fix."""
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one YAML file, located as precisely as the file allows."""

    file: str
    line: int
    column: int
    field: str
    message: str

    # Format the error the way compilers do, so editors can jump to it.
    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{self.column}:{field} {self.message}"


class DataInvalid(Exception):
    """Raised once, with every error found, when a dataset does not validate."""

    def __init__(self, errors):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


# One message in English, then in Chinese on an indented second line.
def said(english: str, chinese: str) -> str:
    return f"{english}\n    {chinese}"
