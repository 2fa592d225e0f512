"""Publish the loader's schema as JSON Schema, for yaml-language-server and re-users."""
from .numbers import VALUE_PATTERN
from .schema import FILES, Bilingual, Day, Flag, Integer, Items, Record, Scalar, Text

DRAFT = "https://json-schema.org/draft/2020-12/schema"


# Translate one schema kind into JSON Schema.
def to_json_schema(kind) -> dict:
    if isinstance(kind, Bilingual):
        return {**to_json_schema(Record({"zh": Text(), "en": Text()})),
                "description": "Chinese (the original, verbatim)" if kind.source else "Project's own text"}
    if isinstance(kind, Record):
        properties = {**kind.required, **kind.optional}
        schema = {"type": "object", "additionalProperties": False, "required": list(kind.required),
                  "properties": {key: to_json_schema(sub) for key, sub in properties.items()}}
        return {**schema, "description": kind.doc} if kind.doc else schema
    if isinstance(kind, Items):
        return {"type": "array", "minItems": kind.min_items, "items": to_json_schema(kind.item)}
    if isinstance(kind, Text):
        schema = {"type": "string", "minLength": 1, "pattern": r"\S"}
        schema.update({"enum": list(kind.choices)} if kind.choices else {})
        schema.update({"pattern": kind.pattern} if kind.pattern else {"not": {"pattern": "TODO"}})
        schema.update({"examples": [kind.example]} if kind.example else {})
        return schema
    if isinstance(kind, Integer):
        return {"type": "integer", "minimum": kind.minimum}
    if isinstance(kind, Day):
        day = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        return {"oneOf": [day, {"type": "null"}]} if kind.nullable else day
    if isinstance(kind, Flag):
        return {"const": True, "description": kind.doc}
    if isinstance(kind, Scalar):
        return {"type": "string", "pattern": VALUE_PATTERN}
    raise TypeError(kind)


# Every file kind's JSON Schema, keyed by the schema file name.
def all_schemas() -> dict:
    return {f"{name}.schema.json": {"$schema": DRAFT, "title": f"policy_data {name}", **to_json_schema(kind)}
            for name, kind in FILES.items()}
