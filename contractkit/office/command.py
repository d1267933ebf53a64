"""The one way the product starts LibreOffice: without network where the kernel allows it, under the memory
cap, with its own throwaway profile and every start-up dialog, lock and restore switched off."""

from __future__ import annotations

from pathlib import Path

from contractkit.office.limits import capped, office_memory_mb

#: switches for a LibreOffice that shows nothing, asks nothing and restores nothing
HEADLESS = ("--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck")


def soffice_command(soffice: str, profile: Path, *args: str) -> list[str]:
    """``soffice`` with ``args``: no network (``unshare -n`` when it works), under the address-space cap,
    profile in ``profile`` (a folder of its own), headless."""
    from contractkit.render.pdf import _no_network_prefix

    return [
        *_no_network_prefix(),
        *capped([str(soffice)], office_memory_mb()),
        f"-env:UserInstallation={Path(profile).as_uri()}",
        *HEADLESS,
        *args,
    ]
