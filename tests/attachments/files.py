"""Files generated inside the tests: one of each allowed type, and the attack list."""

import io
import struct
import zipfile

from demo import samples

SWEDISH = "Årsmöte på föreningsgården – växthusgaser"


def pdf(text=SWEDISH, extra_pages=()):
    return samples.pdf_bytes([text], extra_pages=extra_pages)


def docx(text=SWEDISH):
    return samples.docx_bytes("Remissvar", [text])


def xlsx(text=SWEDISH):
    return samples.xlsx_bytes("Blad", [["Aktivitet", "Belopp"], [text, 1200]])


def pptx(text=SWEDISH):
    from pptx import Presentation

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = "Dialogforum"
    slide.placeholders[1].text = text
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def _odf(mimetype, body):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">'
        f"<office:body>{body}</office:body></office:document-content>"
    )
    return _odf_raw(mimetype, content)


def _odf_raw(mimetype, content):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def odt(text=SWEDISH):
    body = f"<office:text><text:h>Protokoll</text:h><text:p>{text}</text:p></office:text>"
    return _odf("application/vnd.oasis.opendocument.text", body)


def ods(text=SWEDISH):
    cell = f"<table:table-cell><text:p>{text}</text:p></table:table-cell>"
    body = f"<office:spreadsheet><table:table><table:table-row>{cell}</table:table-row>"
    return _odf(
        "application/vnd.oasis.opendocument.spreadsheet",
        body + "</table:table></office:spreadsheet>",
    )


def txt(text=SWEDISH, encoding="utf-8"):
    return f"Minnesanteckningar\n{text}\n".encode(encoding)


def markdown(text=SWEDISH):
    return f"# Dagordning\n\n- {text}\n- Övriga frågor\n".encode()


def csv(text=SWEDISH):
    return f"aktivitet;ansvarig\n{text};Kullahamns IF\nSommarläger;Scoutkåren\n".encode()


def image(kind):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 90, 160)).save(out, kind)
    return out.getvalue()


# --- the attack list ----------------------------------------------------------------


def windows_executable():
    header = bytearray(b"MZ" + b"\0" * 126)
    struct.pack_into("<I", header, 0x3C, 0x80)
    return (
        bytes(header)
        + b"PE\0\0"
        + struct.pack("<HHIIIHH", 0x14C, 1, 0, 0, 0, 0xE0, 0x102)
        + b"\0" * 300
    )


def html_page():
    return b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def svg_with_script():
    return (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
        b"<script>alert(document.cookie)</script></svg>"
    )


def pdf_zip_polyglot():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as hidden:
        hidden.writestr("payload.html", "<script>alert(1)</script>")
    return pdf() + archive.getvalue()


def zip_bomb_docx(unpacked=5 * 1024 * 1024):
    """A real DOCX with one extra part of zeros that compresses a thousandfold."""
    out = io.BytesIO(docx())
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/bomb.bin", b"\0" * unpacked)
    return out.getvalue()
