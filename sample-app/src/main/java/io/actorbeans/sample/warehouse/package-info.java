/**
 * The warehouses: the worker actor that doubles values, the warehouse actors that keep
 * the results, and their endpoints.
 */
@NullMarked
package io.actorbeans.sample.warehouse;

import org.jspecify.annotations.NullMarked;
