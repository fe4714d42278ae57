"""Built-in checks. Importing this package registers them all in `registry.REGISTRY`."""

from checker.checks import adequacy, drift, formats, numbers, omissions, suppressions, terms  # noqa: F401
