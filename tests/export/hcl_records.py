"""Parses a generated Terraform file with python-hcl2 and prints its
resources as JSON: [{"type": resource type, "name": identifier,
"attrs": {attribute: value}}], string values decoded (HCL escapes, and the
template escapes $${ and %%{). A string holding an unescaped ${ or %{
(a template the generator must never write) is an error.

Usage: python hcl_records.py main.tf
"""

import json
import re
import sys

import hcl2
from hcl2.utils import SerializationOptions

ALLOWED_REFS = {"${var.zone_id}"}


def decode(value, path):
    if isinstance(value, str):
        if value in ALLOWED_REFS:
            return value
        # strip_string_quotes resolves \" \\ \n \uNNNN but leaves $${ and %%{.
        if re.search(r"(?<!\$)\$\{", value.replace("$${", "")) or re.search(
            r"(?<!%)%\{", value.replace("%%{", "")
        ):
            raise SystemExit(f"{path}: template sequence in {value!r}")
        return value.replace("$${", "${").replace("%%{", "%{")
    if isinstance(value, list):
        return [decode(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {k: decode(v, f"{path}.{k}") for k, v in value.items()}
    return value


def main():
    options = SerializationOptions(
        strip_string_quotes=True, explicit_blocks=False, with_comments=False
    )
    with open(sys.argv[1], encoding="utf-8") as f:
        tree = hcl2.load(f, serialization_options=options)
    out = []
    for block in tree.get("resource", []):
        for rtype, named in block.items():
            for name, attrs in named.items():
                out.append({"type": rtype, "name": name, "attrs": decode(attrs, name)})
    variables = [name for block in tree.get("variable", []) for name in block]
    print(json.dumps({"resources": out, "variables": variables}))


if __name__ == "__main__":
    main()
