"""Turn a validated dataset into a site: the MkDocs plugin, pages, labels, the Content-Security-Policy, runtime
hints, compression, the calculators' wheel and the trimmed standard library. Reads the data side, never the commands."""
from .compress import precompress
from .plugin import HandbookPlugin
from .wheel import add_calculator_assets

__all__ = ["HandbookPlugin", "add_calculator_assets", "precompress"]
