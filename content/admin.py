from django.contrib import admin

from content.models import Fact, HeadingAlias, IngestJob, Note, Section, SectionRead, Source, Topic


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["path", "label", "encoding", "line_count", "retired", "ingested_at"]
    readonly_fields = ["sha256", "ingested_at"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "category_name", "domain", "parent", "section_count", "fact_count"]
    list_filter = ["category_name", "domain"]
    search_fields = ["name", "slug", "short"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "topic", "position", "retired", "updated_at"]
    list_filter = ["retired"]
    search_fields = ["title", "plain_text"]
    raw_id_fields = ["topic"]


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ["subject", "kind", "topic", "retired"]
    list_filter = ["kind", "retired"]
    search_fields = ["subject", "text"]
    raw_id_fields = ["topic", "section"]


admin.site.register(SectionRead)


# The notes library: the pages at /library/ are the way to change notes; the admin is for looking and for
# removing a heading alias an instructor assigned by mistake.
@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "status", "deleted", "updated_at", "updated_by"]
    list_filter = ["status", "deleted"]
    search_fields = ["name"]
    readonly_fields = ["text", "version", "source", "gives", "updated_by"]


@admin.register(IngestJob)
class IngestJobAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "summary", "status", "dry_run", "created_at", "created_by"]
    list_filter = ["status", "kind"]
    readonly_fields = ["progress", "report", "refused", "error", "uploads_from"]


@admin.register(HeadingAlias)
class HeadingAliasAdmin(admin.ModelAdmin):
    list_display = ["heading", "topic_slug", "created_by", "created_at"]
    search_fields = ["heading", "topic_slug"]
