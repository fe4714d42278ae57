"""Built-in checks. Importing this package registers them all in `registry.REGISTRY`."""

from checker.checks import numbers, omissions  # noqa: F401
