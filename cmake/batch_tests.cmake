# Script tests of batch runs: merging shard outputs, and the 4-shard job array on a
# single-node Slurm cluster the script brings up (needs root; reports itself skipped
# otherwise).
add_test(NAME batch.merge_shards
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/scripts/merge_shards_test.sh $<TARGET_FILE:registre>)
set_tests_properties(batch.merge_shards PROPERTIES TIMEOUT 60)
add_test(NAME batch.slurm_extract
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/scripts/slurm_extract_test.sh $<TARGET_FILE:registre>)
set_tests_properties(batch.slurm_extract PROPERTIES TIMEOUT 170 SKIP_RETURN_CODE 77)
