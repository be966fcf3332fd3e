from enum import Enum


# (str, Enum) rather than StrEnum: the generated clients support Python 3.10.
class LyricsV1Status(str, Enum):
    COMPLETE = "complete"
    ERROR = "error"
    RUNNING = "running"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "LyricsV1Status | None":
        """Open enum: an unlisted str becomes a pseudo-member keeping the raw value.

        Pseudo-members are not cached: compare with ``==`` (never ``is``) and use ``is_known``.
        """
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = str(value)
        return member

    @property
    def is_known(self) -> bool:
        """True for a value listed in the spec, False for a pseudo-member made from an unlisted one."""
        return type(self)._member_map_.get(self._name_) is self
