# libFuzzer target for the PDF reader (issue 3). Configure a separate build directory with
# clang:  CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DREGISTRE_FUZZ=ON
#         cmake --build build-fuzz --target pdf_reader_fuzzer
# The whole core library is then instrumented (coverage + ASan + UBSan).
option(REGISTRE_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(REGISTRE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "REGISTRE_FUZZ needs clang (CXX=clang++)")
  endif()
  set(REGISTRE_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
  target_compile_options(registre_core PRIVATE ${REGISTRE_FUZZ_FLAGS})
  target_compile_options(registre_pdf_objects PRIVATE ${REGISTRE_FUZZ_FLAGS})
  add_executable(pdf_reader_fuzzer ${CMAKE_SOURCE_DIR}/fuzz/pdf_reader_fuzzer.cc)
  target_compile_options(pdf_reader_fuzzer PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(pdf_reader_fuzzer PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(pdf_reader_fuzzer PRIVATE registre_pdf_static)
endif()
