/** Users in MongoDB (database tango_identity, collection users), keyed by user id, email unique. */
package dev.tango.gateway.user.mongo;
