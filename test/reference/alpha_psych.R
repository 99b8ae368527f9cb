# Reference values for Cronbach's alpha in test/core/item-stats.test.ts, from R psych (r-cran-psych).
# Run: Rscript alpha_psych.R   (from test/reference/)
suppressMessages(library(psych))
d <- read.csv("../fixtures/responses/alpha-leder.csv", na.strings = c("", "ved_ikke"))
d$i3r <- 6 - d$i3                         # reverse-keyed with the declared scale bounds, as SPEC §4
e1 <- na.omit(d[, c("i1", "i2", "i3r")])  # complete cases only
e3 <- na.omit(d[, c("i6", "i7", "i8")])
for (x in list(e1 = e1, e3 = e3)) cat(nrow(x), sprintf("%.10f", alpha(x, check.keys = FALSE, warnings = FALSE)$total$raw_alpha), "\n")
