"""The working state of one calculation: parameters read, trace steps, readings, reasons, warnings."""
from .deciding import DecidingDate, deciding_step
from .params import ParameterSet
from .readings import reading_entry
from .rules import clause_of, measure_of
from .text import bi


class Context:
    """Collects what a calculator reads and explains while it runs."""

    def __init__(self, params: ParameterSet, run=None):
        """Start an empty record over a parameter set; run(calculator_id, inputs) -> (calculator, result) runs another
        calculator on the same exported parameters (the policy finder's estimates), or is None."""
        self.params = params
        self.run = run
        self.trace = []
        self.reasons = []
        self.warnings = []
        self.notes = []
        self.shown = {}
        self._reading_ids = []
        self.deciding = None

    def decided(self, calculator, deciding: DecidingDate) -> None:
        """Close the trace with the date that selected the parameter values and every value in force on it."""
        self.deciding = deciding
        rule = calculator.rules[0]
        explanation = deciding_step(deciding, self.params.as_of, calculator.decided_by, self.params.uses())
        self.step(rule, explanation["zh"], explanation["en"], tuple(use.id for use in self.params.uses()))

    def param(self, parameter_id: str):
        """Return the converted value in force of a parameter (and record its use)."""
        return self.params.get(parameter_id)

    def step(self, rule: str, zh: str, en: str, parameters: tuple = (), clause: str | None = None) -> None:
        """Add a trace step citing a rule and the parameters it used."""
        self.trace.append(
            {
                "rule": rule,
                "measure": measure_of(rule),
                "clause": clause or clause_of(rule),
                "parameters": [self.params.use(parameter_id).cited() for parameter_id in parameters],
                "explanation": bi(zh, en),
            }
        )

    def read(self, *reading_ids: str) -> None:
        """Record that chosen readings were applied."""
        for reading_id in reading_ids:
            if reading_id not in self._reading_ids:
                self._reading_ids.append(reading_id)

    def reason(self, zh: str, en: str) -> None:
        """Add a reason for the eligibility decision."""
        self.reasons.append(bi(zh, en))

    def warn(self, zh: str, en: str) -> None:
        """Add a warning the user should see."""
        self.warnings.append(bi(zh, en))

    def note(self, zh: str, en: str) -> None:
        """Add an informational note."""
        self.notes.append(bi(zh, en))

    def show(self, output: str, zh: str, en: str) -> None:
        """Word how an output is shown where its plain figure would mislead (e.g. a rate rounded onto its threshold)."""
        self.shown[output] = bi(zh, en)

    def readings(self) -> list:
        """Return the readings applied, as {id, zh, en} entries."""
        return [reading_entry(reading_id) for reading_id in self._reading_ids]
