from enum import IntEnum


class ResponseCode(IntEnum):
    VALUE_200 = 200
    VALUE_400 = 400
    VALUE_401 = 401
    VALUE_403 = 403
    VALUE_404 = 404
    VALUE_429 = 429
    VALUE_500 = 500
    VALUE_504 = 504

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ResponseCode | None":
        """Open enum: an unlisted int becomes a pseudo-member keeping the raw value.

        Pseudo-members are not cached: compare with ``==`` (never ``is``) and use ``is_known``.
        """
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{int(value)}"
        member._value_ = int(value)
        return member

    @property
    def is_known(self) -> bool:
        """True for a value listed in the spec, False for a pseudo-member made from an unlisted one."""
        return type(self)._member_map_.get(self._name_) is self
