from django.contrib import admin

from content.models import Fact, Section, SectionRead, Source, Topic


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
