# The service's own pages (issue #18).
# Keys here must not repeat a key in pages.ftl or records.ftl.
