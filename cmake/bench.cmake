# registre_bench: Google Benchmark targets for the hot stages (bench/*.cc). Built with the
# rest; run ./build/registre_bench. Skipped when Google Benchmark is not installed.
find_package(benchmark QUIET)
if(benchmark_FOUND)
  file(GLOB REGISTRE_BENCH_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/bench/*.cc)
  add_executable(registre_bench ${REGISTRE_BENCH_SOURCES})
  target_link_libraries(registre_bench PRIVATE registre_core benchmark::benchmark)
else()
  message(STATUS "Google Benchmark not found: registre_bench not built")
endif()
