"""The notes library pages (/library/): list, upload, edit, rename, delete, download, versions, jobs.

Instructors (and superusers) only.
"""

from __future__ import annotations

import functools
import posixpath

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from content import library
from content.catalog import load_catalog
from content.ingest.sources import SUFFIXES, unsupported_type
from content.models import IngestJob, Note, NoteVersion
from learning.roles import is_instructor


def instructors_only(view):
    """Anonymous users go to the sign-in page; signed-in users who are not instructors get 403."""

    @login_required
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not (request.user.is_superuser or is_instructor(request.user)):
            raise PermissionDenied("The notes library is for instructors.")
        return view(request, *args, **kwargs)

    return wrapped


# One access helper per model: the library is shared by every instructor; unknown ids are 404.
def get_note(pk: int) -> Note:
    return get_object_or_404(Note.objects.select_related("updated_by", "source"), pk=pk)


def get_version(note: Note, number: int) -> NoteVersion:
    return get_object_or_404(NoteVersion.objects.select_related("created_by"), note=note, number=number)


def get_job(pk: int) -> IngestJob:
    return get_object_or_404(IngestJob.objects.select_related("created_by"), pk=pk)


@instructors_only
def library_index(request: HttpRequest) -> HttpResponse:
    library.fail_stalled_jobs()  # a job whose worker died is listed as failed, not running forever
    notes = list(Note.objects.select_related("updated_by").defer("text"))
    return render(
        request,
        "content/library.html",
        {
            "notes": [n for n in notes if not n.deleted],
            "deleted": [n for n in notes if n.deleted],
            "jobs": list(IngestJob.objects.select_related("created_by").defer("report")[:8]),
            "form": UploadForm(),
        },
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once (Django's documented recipe)."""

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if not files:
            raise forms.ValidationError("Choose at least one file.")
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        widget=MultipleFileInput(attrs={"accept": ".md,.markdown,.txt,.zip"}),
        help_text="Markdown or text notes (.md, .markdown, .txt, 5 MB each), or a .zip of them "
        "(50 MB, 2,000 files); folders inside a zip are kept in the names.",
    )
    preview = forms.BooleanField(
        required=False, label="Preview first: show what would change before learners see anything"
    )

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        self.accepted, self.refused = [], []
        for upload in uploads:
            name, why = library.clean_name(posixpath.basename(upload.name.replace("\\", "/")))
            if name is None:
                self.refused.append({"path": upload.name[:200], "reason": why})
                continue
            is_zip = name.lower().endswith(".zip")
            limit = library.MAX_ZIP_BYTES if is_zip else library.MAX_NOTE_BYTES
            if not is_zip and not name.lower().endswith(SUFFIXES):
                self.refused.append({"path": name, "reason": unsupported_type(name) + " or a .zip"})
            elif upload.size > limit:
                self.refused.append(
                    {
                        "path": name,
                        "reason": f"file too large: {upload.size / 2**20:.1f} MB; the limit is {limit // 2**20} MB",
                    }
                )
            else:
                self.accepted.append((name, upload.read(limit + 1)))
        if not self.accepted:
            raise forms.ValidationError([f"{r['path']}: {r['reason']}" for r in self.refused])
        return uploads


@instructors_only
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        names = [n for n, _ in form.accepted]
        summary = names[0] if len(names) == 1 else f"{len(names)} files uploaded"
        job = library.queue_job(
            kind="upload",
            user=request.user,
            summary=summary,
            files=form.accepted,
            refused=form.refused,
            dry_run=form.cleaned_data["preview"],
        )
        return redirect(job)
    status = 400 if request.method == "POST" else 200
    return render(request, "content/library_upload.html", {"form": form}, status=status)


@instructors_only
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_job(pk)
    if not job.finished and library.fail_stalled_jobs():
        job = get_job(pk)  # its worker died: the page says so instead of polling forever
    context = {"job": job, "topics": topic_choices() if job.finished else []}
    if request.htmx:
        response = render(request, "content/library_job.html#job-status", context)
    else:
        response = render(request, "content/library_job.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@instructors_only
@require_POST
def publish_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish a preview's upload, or try a failed upload again: a new job applies the same files."""
    earlier = get_job(pk)
    publishable = earlier.dry_run and earlier.status == IngestJob.DONE
    retryable = not earlier.dry_run and earlier.status == IngestJob.FAILED
    if not ((publishable or retryable) and earlier.files.exists()):
        return HttpResponseBadRequest("Only a finished preview or a failed upload can be applied again.")
    job = library.queue_job(
        kind="upload", user=request.user, summary=earlier.summary, refused=earlier.refused, uploads_from=earlier
    )
    return redirect(job)


def topic_choices() -> list[tuple[str, str]]:
    return sorted(((t.slug, t.name) for t in load_catalog().topics.values()), key=lambda c: c[1].lower())


@instructors_only
@require_POST
def assign_heading(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_job(pk)
    heading, slug = request.POST.get("heading", ""), request.POST.get("topic", "")
    known = {row["heading"] for row in job.report.get("report", {}).get("unplaced", []) if row["assignable"]}
    if heading not in known:
        return HttpResponseBadRequest("That heading is not one this job left unplaced.")
    try:
        library.assign_heading(heading, slug, user=request.user)
    except library.AliasRefused as error:
        messages.error(request, str(error))
        return redirect(job)
    messages.success(
        request, f"“{heading}” now goes to {load_catalog().topics[slug].name}, in this ingest and every later one."
    )
    new_job = library.queue_job(kind="alias", user=request.user, summary=f"“{heading}” assigned to {slug}")
    return redirect(new_job)


@instructors_only
def note_detail(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_note(pk)
    return render(
        request,
        "content/library_note.html",
        {
            "note": note,
            "lines": note.numbered_lines(),
            "versions": list(note.versions.select_related("created_by").defer("text", "original")[:5]),
        },
    )


class EditForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"spellcheck": "false", "wrap": "off"}), strip=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError("A note cannot be empty; delete it instead.")
        if len(text.encode()) > library.MAX_NOTE_BYTES:
            raise forms.ValidationError("A note can be at most 5 MB.")
        return text


@instructors_only
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_note(pk)
    conflict = None
    if request.method == "POST":
        form = EditForm(request.POST)
        if "version" in form.errors:
            return HttpResponseBadRequest("The form was tampered with.")
        if form.is_valid():
            try:
                saved = library.edit_note(
                    note.pk,
                    text=form.cleaned_data["text"],
                    seen_version=form.cleaned_data["version"],
                    user=request.user,
                )
            except library.NoteChanged:
                note = get_note(pk)
                conflict = {
                    "note": note,
                    "diff": library.diff_lines(
                        note.text,
                        form.cleaned_data["text"].replace("\r\n", "\n"),
                        old_label=f"version {note.version}",
                        new_label="your text",
                    ),
                }
                # The editor keeps the person's text and now names the latest version: saving again is a choice.
                form = EditForm(initial={"text": form.cleaned_data["text"], "version": note.version})
            else:
                if saved.version == form.cleaned_data["version"]:
                    messages.info(request, "Nothing changed, so nothing was saved.")
                    return redirect(saved)
                job = library.queue_job(
                    kind="edit", user=request.user, summary=f"{saved.name} edited (version {saved.version})"
                )
                return redirect(job)
    else:
        form = EditForm(initial={"text": note.text, "version": note.version})
    try:
        line = int(request.GET.get("line", "0"))
    except ValueError:
        line = 0
    status = 409 if conflict else 200
    return render(
        request,
        "content/library_edit.html",
        {"note": note, "form": form, "conflict": conflict, "line": line},
        status=status,
    )


class RenameForm(forms.Form):
    name = forms.CharField(max_length=library.MAX_NAME)

    def __init__(self, *args, note: Note, **kwargs):
        super().__init__(*args, **kwargs)
        self.note = note

    def clean_name(self):
        name, why = library.clean_name(self.cleaned_data["name"].strip())
        if name is None:
            raise forms.ValidationError(why[:1].upper() + why[1:] + ".")
        if not name.lower().endswith(SUFFIXES):
            raise forms.ValidationError("A note's name ends in .md, .markdown or .txt.")
        if Note.objects.filter(name=name).exclude(pk=self.note.pk).exists():
            raise forms.ValidationError("Another note (perhaps a deleted one) has that name.")
        return name


@instructors_only
def rename(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_note(pk)
    form = RenameForm(request.POST or None, note=note, initial={"name": note.name})
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["name"] == note.name:
            return redirect(note)
        old = note.name
        with transaction.atomic():
            library.rename_note(note, form.cleaned_data["name"], user=request.user)
        job = library.queue_job(kind="rename", user=request.user, summary=f"{old} renamed to {note.name}")
        return redirect(job)
    return render(
        request,
        "content/library_rename.html",
        {"note": note, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@instructors_only
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_note(pk)
    if note.deleted:
        return redirect("library:index")
    with transaction.atomic():
        library.delete_note(note, user=request.user)
    job = library.queue_job(kind="delete", user=request.user, summary=f"{note.name} deleted")
    messages.success(
        request,
        f"{note.name} was deleted: its topic lines and cards are retired by the ingest below. "
        "Learners keep their history, and the note's versions can be restored.",
    )
    return redirect(job)


@instructors_only
def download(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    note = get_note(pk)
    version = get_version(note, number or note.version)
    response = HttpResponse(bytes(version.original), content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, posixpath.basename(version.name))
    return response


@instructors_only
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_note(pk)
    rows = list(note.versions.select_related("created_by").defer("original"))
    try:
        number = int(request.GET.get("show", note.version))
        against = int(request.GET.get("against", number - 1))
    except ValueError:
        return HttpResponseBadRequest("Versions are numbers.")
    by_number = {v.number: v for v in rows}
    shown = by_number.get(number)
    if shown is None:
        return render(request, "content/library_versions.html", {"note": note, "versions": rows}, status=404)
    base = by_number.get(against)
    diff = library.diff_lines(
        base.text if base else "", shown.text, old_label=f"version {against}", new_label=f"version {number}"
    )
    return render(
        request,
        "content/library_versions.html",
        {
            "note": note,
            "versions": rows,
            "shown": shown,
            "base": base,
            "diff": diff,
            "renamed": base is not None and base.name != shown.name,
        },
    )


@instructors_only
@require_POST
def restore(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    note = get_note(pk)
    version = get_version(note, number)
    with transaction.atomic():
        library.restore_version(note, version, user=request.user)
    job = library.queue_job(
        kind="restore", user=request.user, summary=f"{note.name}: version {number} restored as version {note.version}"
    )
    return redirect(job)
