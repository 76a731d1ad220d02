# libFuzzer targets (issues 3 and 16): the PDF reader, the text pipeline, the export writers.
# Configure a separate build directory with clang (scripts/fuzz does it all):
#   CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DREGISTRE_FUZZ=ON
#   cmake --build build-fuzz --target pdf_reader_fuzzer text_pipeline_fuzzer export_fuzzer
# Every layer is then instrumented (coverage + ASan + UBSan).
option(REGISTRE_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(REGISTRE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "REGISTRE_FUZZ needs clang (CXX=clang++)")
  endif()
  set(REGISTRE_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
  foreach(layer base read text rules extract record pipeline output)
    target_compile_options(registre_${layer} PRIVATE ${REGISTRE_FUZZ_FLAGS})
  endforeach()
  target_compile_options(registre_pdf_objects PRIVATE ${REGISTRE_FUZZ_FLAGS})
  function(registre_fuzzer name)
    add_executable(${name} ${PROJECT_SOURCE_DIR}/fuzz/${name}.cc)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_compile_definitions(${name} PRIVATE REGISTRE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name} PRIVATE ${ARGN})
  endfunction()
  registre_fuzzer(pdf_reader_fuzzer registre_pdf_static)
  registre_fuzzer(text_pipeline_fuzzer registre_pipeline)
  registre_fuzzer(export_fuzzer registre_output)
endif()
