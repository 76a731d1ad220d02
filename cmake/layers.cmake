# registre_layer(NAME SOURCES file.cc... [DEPENDS layer...] [LIBS target...])
#
# One folder of src/, built as the static library registre_NAME from the sources listed
# (explicitly: no globbing). DEPENDS names the lower folders it may use; only those are
# linked, and the layering test (tests/CMakeLists.txt) fails when a file of the folder
# includes a header of any other folder than these, their own dependencies, and itself.
function(registre_layer name)
  cmake_parse_arguments(LAYER "" "" "SOURCES;DEPENDS;LIBS" ${ARGN})
  add_library(registre_${name} STATIC ${LAYER_SOURCES})
  target_include_directories(registre_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  foreach(dep IN LISTS LAYER_DEPENDS)
    if(NOT TARGET registre_${dep})
      message(FATAL_ERROR "layer ${name}: dependency ${dep} is not declared before it")
    endif()
    target_link_libraries(registre_${name} PUBLIC registre_${dep})
  endforeach()
  target_link_libraries(registre_${name} PUBLIC ${LAYER_LIBS})
  registre_declare_layer(${name} ${LAYER_DEPENDS})
endfunction()

# Records that folder NAME may include itself, the folders given and everything those may
# include (the table the include check reads). registre_layer calls it; a folder built into
# an executable (main/) calls it directly.
function(registre_declare_layer name)
  set(allowed ${name})
  foreach(dep IN LISTS ARGN)
    get_property(dep_allowed GLOBAL PROPERTY REGISTRE_LAYER_ALLOWED_${dep})
    list(APPEND allowed ${dep_allowed})
  endforeach()
  list(REMOVE_DUPLICATES allowed)
  set_property(GLOBAL PROPERTY REGISTRE_LAYER_ALLOWED_${name} "${allowed}")
  set_property(GLOBAL APPEND PROPERTY REGISTRE_LAYERS ${name})
endfunction()

# Writes FILE: one line per layer, "name: allowed folders", read by cmake/check_layers.cmake.
function(registre_write_layer_table file)
  get_property(layers GLOBAL PROPERTY REGISTRE_LAYERS)
  set(text "")
  foreach(layer IN LISTS layers)
    get_property(allowed GLOBAL PROPERTY REGISTRE_LAYER_ALLOWED_${layer})
    string(APPEND text "${layer}=${allowed}\n")
  endforeach()
  file(WRITE ${file} "${text}")
endfunction()
