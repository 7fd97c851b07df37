"""One reader per file kind, each turning a file's bytes into a Source of lines and cells."""
