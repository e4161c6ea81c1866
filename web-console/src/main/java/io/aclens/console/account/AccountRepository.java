package io.aclens.console.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class AccountRepository implements PanacheRepository<Account> {

    public Uni<Account> byEmail(String email) {
        return find("email", email.toLowerCase(java.util.Locale.ROOT)).firstResult();
    }

    public Uni<Account> byInvitation(String invitationHash) {
        return find("invitationHash", invitationHash).firstResult();
    }

    public Uni<List<Account>> everyone() {
        return list("order by email");
    }
}
