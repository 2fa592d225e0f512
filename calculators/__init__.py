"""Calculators for the Tai'erzhuang employment measures: every policy figure comes from the parameters passed in."""
from .catalog import catalog
from .engine import calculate
from .registry import CALCULATOR_IDS

__all__ = ["CALCULATOR_IDS", "calculate", "catalog"]
