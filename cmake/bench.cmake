# registre_bench: Google Benchmark targets for the hot stages (bench/). Built with the rest;
# run ./build/registre_bench. Skipped when Google Benchmark is not installed.
find_package(benchmark QUIET)
if(benchmark_FOUND)
  add_executable(registre_bench ${PROJECT_SOURCE_DIR}/bench/pipeline_bench.cc)
  target_link_libraries(registre_bench PRIVATE registre_pipeline benchmark::benchmark)
  target_compile_definitions(registre_bench PRIVATE REGISTRE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
else()
  message(STATUS "Google Benchmark not found: registre_bench not built")
endif()
