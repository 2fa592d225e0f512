"""Data errors that name the file, line, column and field an official must fix."""
from dataclasses import dataclass, field as dataclass_field

from .wording import said

__all__ = ["DataError", "DataInvalid", "said"]


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one YAML file, located as precisely as the file allows."""

    file: str
    line: int
    column: int
    field: str
    message: str
    # A cause shared with other errors, as (English, Chinese), and whether this error is a cause in itself
    # (report.py); neither takes part in sorting or equality.
    cause: tuple = dataclass_field(default=(), compare=False)
    first: bool = dataclass_field(default=False, compare=False)

    # Format the error the way compilers do, so editors can jump to it.
    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{self.column}:{field} {self.message}"


class DataInvalid(Exception):
    """Raised once, with every error found, when a dataset does not validate."""

    def __init__(self, errors):
        from .report import report_blocks
        self.errors = sorted(errors)
        self.blocks = report_blocks(self.errors)
        super().__init__("\n".join(self.blocks))

    # The closing line: how many problems, and how many errors they make when grouped by cause.
    def summary(self) -> str:
        grouped = f" ({len(self.errors)} in all, grouped by cause)" if len(self.blocks) < len(self.errors) else ""
        return f"{len(self.blocks)} error(s){grouped}; nothing was changed."
