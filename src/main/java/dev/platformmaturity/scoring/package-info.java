/**
 * The product's scoring rule: aspect scores from answered levels, the level and next level they point to, medians.
 */
package dev.platformmaturity.scoring;
