"""One module per calculator, grouped by the measure of the document it implements."""
