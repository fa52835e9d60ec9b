#include "terms/interner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace koterm::terms {
namespace {

TEST(Interner, GivesDenseIdsInFirstSeenOrderAndFindsThemAgain) {
  Interner in;
  EXPECT_EQ(in.find("외교부"), Interner::none);
  EXPECT_EQ(in.intern("외교부"), 0u);
  EXPECT_EQ(in.intern("Ministry of Foreign Affairs"), 1u);
  EXPECT_EQ(in.intern("외교부"), 0u);
  EXPECT_EQ(in.intern(""), 2u);
  EXPECT_EQ(in.find(""), 2u);
  EXPECT_EQ(in.find("Ministry of Foreign Affair"), Interner::none);  // a prefix is another string
  EXPECT_EQ(in.size(), 3u);
  EXPECT_EQ(in.str(1), "Ministry of Foreign Affairs");
}

TEST(Interner, KeepsEveryStringThroughGrowthAndTellsNearStringsApart) {
  // Strings that differ in one byte, in their length or only past the eighth byte, and a
  // NUL inside one: each is its own id however the table grew.
  Interner in;
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) {
    words.push_back("term " + std::to_string(i));
    words.push_back("term " + std::to_string(i) + " ");
    words.push_back(std::string("long prefix shared by all ") + static_cast<char>('a' + i % 26) + std::to_string(i));
  }
  words.push_back(std::string("nul\0inside", 10));
  words.push_back("nul");
  for (std::size_t i = 0; i < words.size(); ++i) ASSERT_EQ(in.intern(words[i]), i) << words[i];
  const std::string_view first = in.str(0);
  for (std::size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(in.find(words[i]), i);
    EXPECT_EQ(in.str(static_cast<std::uint32_t>(i)), words[i]);
  }
  EXPECT_EQ(first.data(), in.str(0).data());  // views stay where they were
  EXPECT_EQ(in.find("term 5000"), Interner::none);
  EXPECT_EQ(in.size(), words.size());
}

TEST(Interner, AMovedInternerKeepsItsIds) {
  Interner a;
  a.intern("유엔");
  a.intern("UN");
  Interner b = std::move(a);
  EXPECT_EQ(b.find("UN"), 1u);
  EXPECT_EQ(b.intern("유엔"), 0u);
  EXPECT_EQ(b.intern("SLBM"), 2u);
}

}  // namespace
}  // namespace koterm::terms
