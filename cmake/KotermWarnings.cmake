# One interface target carries the project's warning and sanitizer flags; every koterm
# target links it. -Werror only when KOTERM_WERROR is on (CI), never forced on users.
add_library(koterm_warnings INTERFACE)
target_compile_options(koterm_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  $<$<BOOL:${KOTERM_WERROR}>:-Werror>)
if(KOTERM_SANITIZE)
  target_compile_options(koterm_warnings INTERFACE -fsanitize=${KOTERM_SANITIZE} -fno-omit-frame-pointer)
  target_link_options(koterm_warnings INTERFACE -fsanitize=${KOTERM_SANITIZE})
endif()
