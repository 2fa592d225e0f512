"""Read and validate a data folder: YAML reading, number grammar, typing mistakes, schema, cross-file checks,
plausibility, terminology, periods, amendments, the dataset and its JSON form, errors and their report.
Imports nothing from the site side or the commands."""
from .dataset import Dataset, load_dataset
from .errors import DataError, DataInvalid
from .export import export_dataset, export_parameters, to_json
from .jsonschema_export import all_schemas
from .languages import LANGUAGES, ROOT_LANGUAGE, language_folder

__all__ = ["Dataset", "load_dataset", "DataError", "DataInvalid", "export_dataset", "export_parameters", "to_json",
           "all_schemas", "LANGUAGES", "ROOT_LANGUAGE", "language_folder"]
