"""Qt-free domain core: region atlas, hit-testing, knowledge base, referral ranking."""
