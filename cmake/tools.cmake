# registre-pdftext prints ReadPdf's text for one file: what the CER test, the mutation test
# and scripts/bench-pdf run.
add_executable(registre-pdftext ${PROJECT_SOURCE_DIR}/tools/pdftext_main.cc)
target_link_libraries(registre-pdftext PRIVATE registre_pdf_static)

# The folding table generator (not built by default: its output is committed as
# src/text/latin_ascii_table.inc; see the tool's header comment).
add_executable(latin-ascii-table-gen EXCLUDE_FROM_ALL
  ${PROJECT_SOURCE_DIR}/tools/latin_ascii_table_gen.cc)
target_link_libraries(latin-ascii-table-gen PRIVATE registre_text)
