#pragma once
#include <string_view>
#include <vector>

namespace tierplan::detail {

struct EmbeddedFile {
  std::string_view relative_path;
  std::string_view content;
};

// The data/ files, compiled into the library (see cmake/embed_data.cmake).
const std::vector<EmbeddedFile>& embedded_files();

}  // namespace tierplan::detail
