from ..sources import SourceError


def read(raw, path):
    raise SourceError(path, "not yet")
