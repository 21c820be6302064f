"""The only code that imports MkDocs: the plugin and its config, the plugin-free export,
and the offline bundle."""
