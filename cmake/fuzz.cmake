# libFuzzer target for the PDF reader (issue 3). Configure a separate build directory with
# clang:  CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DREGISTRE_FUZZ=ON
#         cmake --build build-fuzz --target pdf_reader_fuzzer
# The PDF reader and the folders it uses are then instrumented (coverage + ASan + UBSan).
option(REGISTRE_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(REGISTRE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "REGISTRE_FUZZ needs clang (CXX=clang++)")
  endif()
  set(REGISTRE_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
  foreach(layer base read)
    target_compile_options(registre_${layer} PRIVATE ${REGISTRE_FUZZ_FLAGS})
  endforeach()
  target_compile_options(registre_pdf_objects PRIVATE ${REGISTRE_FUZZ_FLAGS})
  add_executable(pdf_reader_fuzzer ${PROJECT_SOURCE_DIR}/fuzz/pdf_reader_fuzzer.cc)
  target_compile_options(pdf_reader_fuzzer PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(pdf_reader_fuzzer PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(pdf_reader_fuzzer PRIVATE registre_pdf_static)
endif()
