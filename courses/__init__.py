"""The Lotse training: courses, modules, lessons, progress and certificates."""
