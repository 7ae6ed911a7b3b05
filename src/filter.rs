//! The filter language: free text and `kind:term` qualifiers combined with
//! AND, and the fuzzy ranking of entities and titles behind the `/` prompt.
