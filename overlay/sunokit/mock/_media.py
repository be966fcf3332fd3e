"""The files the mock's tracks point at: a sine-tone WAV and a tiny PNG cover, made locally."""

from __future__ import annotations

import array
import functools
import io
import math
import struct
import sys
import wave
import zlib

__all__ = ["SAMPLE_RATE", "png_cover", "wav_tone"]

SAMPLE_RATE = 8000  # Hz; any duration with two decimals is a whole number of frames


@functools.lru_cache(maxsize=64)
def wav_tone(duration: float, frequency: float = 440.0) -> bytes:
    """A mono 16-bit PCM WAV of `duration` seconds of a sine tone (cached)."""
    frames = round(duration * SAMPLE_RATE)
    step = 2.0 * math.pi * frequency / SAMPLE_RATE
    amplitude = 0.3 * 32767
    samples = array.array("h", (int(amplitude * math.sin(step * n)) for n in range(frames)))
    if sys.byteorder != "little":
        samples.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


@functools.lru_cache(maxsize=64)
def png_cover(red: int, green: int, blue: int, size: int = 16) -> bytes:
    """A `size` x `size` single-colour RGB PNG (cached)."""
    row = b"\x00" + bytes((red, green, blue)) * size  # filter byte 0, then the pixels
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(row * size))
        + _chunk(b"IEND", b"")
    )
