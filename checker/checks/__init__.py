"""Built-in checks. Importing this package registers them all in `registry.REGISTRY`."""
