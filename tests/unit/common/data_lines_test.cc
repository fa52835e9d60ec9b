#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/data_lines.h"

namespace koterm {
namespace {

TEST(DataLines, SkipsCommentsAndBlanksAndTrimsLineEnds) {
  const std::string data = "# a comment\nprime minister  \r\n\n#another\nsen.\nlast";
  std::vector<std::string_view> want{"prime minister", "sen.", "last"};
  EXPECT_EQ(data_lines(data), want);
}

TEST(DataLines, AHashInsideALineIsKept) {
  const std::string data = "C#\n  # indented\n";
  std::vector<std::string_view> want{"C#", "  # indented"};
  EXPECT_EQ(data_lines(data), want);
  EXPECT_TRUE(data_lines("").empty());
}

}  // namespace
}  // namespace koterm
