# The records kept on a case and their forms (issue #18).
# Keys here must not repeat a key in pages.ftl or service.ftl.
