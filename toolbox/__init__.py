"""The Werkzeugkasten (toolbox of methods) and the Quickcheck self-assessment."""
