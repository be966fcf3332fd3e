"""The files the mock's results point at, made locally: a sine-tone WAV, a tiny PNG cover, a
Standard MIDI File (type 1) and an MP4 (ISO-BMFF) holding the tone as PCM."""

from __future__ import annotations

import array
import functools
import io
import math
import struct
import sys
import wave
import zlib
from collections.abc import Sequence

__all__ = ["SAMPLE_RATE", "Note", "midi_file", "mp4_video", "pcm_tone", "png_cover", "wav_tone"]

SAMPLE_RATE = 8000  # Hz; any duration with two decimals is a whole number of frames


@functools.lru_cache(maxsize=64)
def pcm_tone(duration: float, frequency: float = 440.0) -> bytes:
    """`duration` seconds of a sine tone: mono 16-bit little-endian PCM at SAMPLE_RATE."""
    frames = round(duration * SAMPLE_RATE)
    step = 2.0 * math.pi * frequency / SAMPLE_RATE
    amplitude = 0.3 * 32767
    samples = array.array("h", (int(amplitude * math.sin(step * n)) for n in range(frames)))
    if sys.byteorder != "little":
        samples.byteswap()
    return samples.tobytes()


@functools.lru_cache(maxsize=64)
def wav_tone(duration: float, frequency: float = 440.0) -> bytes:
    """A mono 16-bit PCM WAV of `duration` seconds of a sine tone (cached)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm_tone(duration, frequency))
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


# --------------------------------------------------------------------------- MIDI

Note = tuple[int, float, float, float]  # pitch 0-127, start s, end s, velocity 0-1
_TICKS_PER_QUARTER = 480
_MICROSECONDS_PER_QUARTER = 500_000  # 120 bpm: 960 ticks a second
_DRUM_CHANNEL = 9


def _vlq(value: int) -> bytes:
    """A MIDI variable-length quantity."""
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def _smf_chunk(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack(">I", len(data)) + data


def _ticks(seconds: float) -> int:
    return max(0, round(seconds * _TICKS_PER_QUARTER * 1_000_000 / _MICROSECONDS_PER_QUARTER))


def midi_file(instruments: Sequence[tuple[str, Sequence[Note]]]) -> bytes:
    """A Standard MIDI File, format 1: a tempo track, then one track per instrument (its name,
    then note on/off events on its own channel; drums on channel 10)."""
    tempo = (
        b"\x00\xff\x51\x03"
        + _MICROSECONDS_PER_QUARTER.to_bytes(3, "big")
        + b"\x00\xff\x2f\x00"  # end of track
    )
    tracks = [_smf_chunk(b"MTrk", tempo)]
    melodic = (channel for channel in range(16) if channel != _DRUM_CHANNEL)
    for name, notes in instruments:
        channel = _DRUM_CHANNEL if "drum" in name.casefold() else next(melodic, 0)
        label = name.encode("utf-8")[:127]
        events: list[tuple[int, int, bytes]] = []  # (tick, off before on, message)
        for pitch, start, end, velocity in notes:
            level = max(1, min(127, round(velocity * 127)))
            on, off = _ticks(start), max(_ticks(end), _ticks(start) + 1)
            events.append((on, 1, bytes((0x90 | channel, pitch & 0x7F, level))))
            events.append((off, 0, bytes((0x80 | channel, pitch & 0x7F, 0))))
        events.sort(key=lambda event: (event[0], event[1]))
        body = bytearray(b"\x00\xff\x03" + _vlq(len(label)) + label)
        now = 0
        for tick, _order, message in events:
            body += _vlq(tick - now) + message
            now = tick
        body += b"\x00\xff\x2f\x00"
        tracks.append(_smf_chunk(b"MTrk", bytes(body)))
    header = struct.pack(">HHH", 1, len(tracks), _TICKS_PER_QUARTER)
    return _smf_chunk(b"MThd", header) + b"".join(tracks)


# --------------------------------------------------------------------------- MP4

_MATRIX = struct.pack(">9I", 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000)


def _box(kind: bytes, *payload: bytes) -> bytes:
    data = b"".join(payload)
    return struct.pack(">I", 8 + len(data)) + kind + data


def _full_box(kind: bytes, version: int, flags: int, *payload: bytes) -> bytes:
    return _box(kind, struct.pack(">I", (version << 24) | flags), *payload)


def _moov(frames: int, chunk_offset: int) -> bytes:
    duration = frames  # in SAMPLE_RATE units, the movie's and the media's timescale
    mvhd = _full_box(
        b"mvhd",
        0,
        0,
        struct.pack(">IIII", 0, 0, SAMPLE_RATE, duration),
        struct.pack(">IH", 0x00010000, 0x0100) + bytes(10),
        _MATRIX,
        bytes(24),
        struct.pack(">I", 2),  # next track id
    )
    tkhd = _full_box(
        b"tkhd",
        0,
        0x3,  # enabled, in movie
        struct.pack(">IIII", 0, 0, 1, 0),
        struct.pack(">I", duration) + bytes(8),
        struct.pack(">hhhH", 0, 0, 0x0100, 0),
        _MATRIX,
        struct.pack(">II", 0, 0),
    )
    mdhd = _full_box(
        b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, SAMPLE_RATE, duration, 0x55C4, 0)
    )  # language "und"
    hdlr = _full_box(b"hdlr", 0, 0, bytes(4), b"soun", bytes(12), b"SoundHandler\x00")
    dinf = _box(b"dinf", _full_box(b"dref", 0, 0, struct.pack(">I", 1), _full_box(b"url ", 0, 1)))
    sample_entry = _box(
        b"sowt",  # 16-bit little-endian PCM
        bytes(6),
        struct.pack(">H", 1),  # data reference index
        bytes(8),
        struct.pack(">HHHHI", 1, 16, 0, 0, SAMPLE_RATE << 16),
    )
    stbl = _box(
        b"stbl",
        _full_box(b"stsd", 0, 0, struct.pack(">I", 1), sample_entry),
        _full_box(b"stts", 0, 0, struct.pack(">III", 1, frames, 1)),
        _full_box(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, frames, 1)),
        _full_box(b"stsz", 0, 0, struct.pack(">II", 2, frames)),
        _full_box(b"stco", 0, 0, struct.pack(">II", 1, chunk_offset)),
    )
    minf = _box(b"minf", _full_box(b"smhd", 0, 0, bytes(4)), dinf, stbl)
    trak = _box(b"trak", tkhd, _box(b"mdia", mdhd, hdlr, minf))
    return _box(b"moov", mvhd, trak)


@functools.lru_cache(maxsize=16)
def mp4_video(duration: float, frequency: float = 440.0) -> bytes:
    """An MP4 (ISO-BMFF) file: ftyp, moov (mvhd, one sound trak with its sample tables) and
    mdat holding `duration` seconds of the tone as PCM (cached)."""
    pcm = pcm_tone(duration, frequency)
    frames = len(pcm) // 2
    ftyp = _box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isom", b"iso2", b"mp41")
    size = len(_moov(frames, 0))  # the offset does not change the size
    moov = _moov(frames, len(ftyp) + size + 8)
    return ftyp + moov + _box(b"mdat", pcm)
