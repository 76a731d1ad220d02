# PDF reader tools (issue 3): registre-pdftext prints ReadPdf's text for one file; it is
# what the CER test, the mutation test and scripts/bench-pdf run.
add_executable(registre-pdftext ${CMAKE_SOURCE_DIR}/tools/pdftext_main.cc)
target_link_libraries(registre-pdftext PRIVATE registre_pdf_static)
if(TARGET registre_tests)
  add_dependencies(registre_tests registre registre-pdftext)
  target_compile_definitions(registre_tests PRIVATE
    REGISTRE_PDFTEXT="$<TARGET_FILE:registre-pdftext>")
endif()


# The folding table generator (not built by default: its output is committed as
# src/latin_ascii_table.inc; see the tool's header comment).
add_executable(latin-ascii-table-gen EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/tools/latin_ascii_table_gen.cc)
target_link_libraries(latin-ascii-table-gen PRIVATE registre_core)
