"""Checks a dossier FollowTheMoney export against the published FtM model.

Usage: python3 ftm_validate.py FILE.jsonl
Every line must be an entity of a known schema whose properties all exist in
that schema, carry valid values for their types, include the required ones,
and whose entity references point at entities of the file within the
property's range. Prints "ok N entities" or the first problems, exit 1.
"""
import json
import sys

from followthemoney import model


def main(path):
    entities = [json.loads(line) for line in open(path, encoding="utf-8")]
    by_id = {e["id"]: e for e in entities}
    problems = []
    for e in entities:
        schema = model.get(e["schema"])
        if schema is None or schema.abstract:
            problems.append(f"{e['id']}: schema {e['schema']} is not a concrete FtM schema")
            continue
        props = e.get("properties", {})
        for name in props:
            if name not in schema.properties:
                problems.append(f"{e['id']}: {schema.name} has no property {name}")
        for name in schema.required:
            if not props.get(name):
                problems.append(f"{e['id']}: {schema.name} lacks required {name}")
        try:
            schema.validate(e)
        except Exception as err:  # InvalidData carries the per-property errors
            problems.append(f"{e['id']}: {getattr(err, 'errors', err)}")
        for name, values in props.items():
            prop = schema.properties.get(name)
            if prop is None or prop.type.name != "entity":
                continue
            for ref in values:
                target = by_id.get(ref)
                if target is None:
                    problems.append(f"{e['id']}: {name} points at missing {ref}")
                elif not model.get(target["schema"]).is_a(prop.range):
                    problems.append(f"{e['id']}: {name} -> {target['schema']} not a {prop.range.name}")
    if problems:
        print("\n".join(problems[:20]))
        return 1
    print(f"ok {len(entities)} entities")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
