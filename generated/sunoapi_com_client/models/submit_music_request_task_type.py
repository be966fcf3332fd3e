from enum import Enum


# (str, Enum) rather than StrEnum: the generated clients support Python 3.10.
class SubmitMusicRequestTaskType(str, Enum):
    CONCAT_MUSIC = "concat_music"
    COVER_MUSIC = "cover_music"
    COVER_UPLOAD_MUSIC = "cover_upload_music"
    CREATE_MUSIC = "create_music"
    EXTEND_MUSIC = "extend_music"
    EXTEND_UPLOAD_MUSIC = "extend_upload_music"
    PERSONA_MUSIC = "persona_music"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "SubmitMusicRequestTaskType | None":
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
