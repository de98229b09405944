"""The exceptions diplograph raises: each carries the command line's message, spelled for Python
(``level="state"`` where the command line says ``--level state``), and the facts behind it."""


class Error(Exception):
    """Anything diplograph refuses or fails at. ``message`` is what the command line says."""

    def __init__(self, message, **facts):
        super().__init__(message)
        self.message = message
        for name, value in facts.items():
            setattr(self, name, value)


class UsageError(Error, ValueError):
    """A question that cannot be asked as it was put (the command line's exit 2)."""


class OptionError(UsageError):
    """An option given a value it does not take. ``option``: its keyword (``"level"``)."""

    option = ""


class UnknownName(UsageError, LookupError):
    """A name that picks no actor. ``candidates``: (IRI, label) it might have meant, best first."""

    candidates = ()


class AmbiguousName(UsageError, LookupError):
    """A name that picks more than one actor. ``candidates``: (IRI, label), best first."""

    candidates = ()


class InputError(Error):
    """An input that cannot be read: ``file``, ``line`` and ``column`` say where (0: unknown),
    ``diagnostics`` every problem reported, as ``FILE:LINE:COL: what``."""

    file = ""
    line = 0
    column = 0
    diagnostics = ()


class BackendError(Error):
    """A SPARQL store that is down, refuses, or answers what cannot be read."""


class InternalError(Error):
    """A bug in diplograph: please report it with the message."""


__all__ = ["Error", "UsageError", "OptionError", "UnknownName", "AmbiguousName", "InputError",
           "BackendError", "InternalError"]
