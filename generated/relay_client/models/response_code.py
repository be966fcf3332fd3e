from enum import Enum


# (str, Enum) rather than StrEnum: the generated clients support Python 3.10.
class ResponseCode(str, Enum):
    BUILD_REQUEST_FAILED = "build_request_failed"
    CHANNEL_NOT_FOUND = "channel_not_found"
    CHANNEL_NO_AVAILABLE_KEY = "channel_no_available_key"
    COPY_RESPONSE_BODY_FAILED = "copy_response_body_failed"
    DO_REQUEST_FAILED = "do_request_failed"
    ERROR = "error"
    FAIL_TO_FETCH_TASK = "fail_to_fetch_task"
    GEN_RELAY_INFO_FAILED = "gen_relay_info_failed"
    GET_CHANNEL_FAILED = "get_channel_failed"
    GET_ORIGIN_TASK_FAILED = "get_origin_task_failed"
    GET_TASKS_FAILED = "get_tasks_failed"
    GET_TASK_FAILED = "get_task_failed"
    GET_USER_QUOTA_FAILED = "get_user_quota_failed"
    INSUFFICIENT_USER_QUOTA = "insufficient_user_quota"
    INTERNAL_ERROR = "internal_error"
    INVALID_ACTION = "invalid_action"
    INVALID_API_PLATFORM = "invalid_api_platform"
    INVALID_RELAY_MODE = "invalid_relay_mode"
    INVALID_REQUEST = "invalid_request"
    MODEL_MAPPING_FAILED = "model_mapping_failed"
    MODEL_PRICE_ERROR = "model_price_error"
    PRE_CONSUME_TOKEN_QUOTA_FAILED = "pre_consume_token_quota_failed"
    QUOTA_NOT_ENOUGH = "quota_not_enough"
    READ_REQUEST_BODY_FAILED = "read_request_body_failed"
    READ_RESPONSE_BODY_FAILED = "read_response_body_failed"
    SUCCESS = "success"
    TASK_CHANNEL_DISABLE = "task_channel_disable"
    TASK_NOT_EXIST = "task_not_exist"
    UNMARSHAL_RESPONSE_BODY_FAILED = "unmarshal_response_body_failed"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ResponseCode | None":
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
